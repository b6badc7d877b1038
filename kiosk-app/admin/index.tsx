// Placeholder until the admin screen lands; replaced by its owner.
export default function Screen() {
  return <main><h1>admin</h1></main>;
}
