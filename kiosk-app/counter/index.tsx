// Placeholder until the counter screen lands; replaced by its owner.
export default function Screen() {
  return <main><h1>counter</h1></main>;
}
