// Placeholder until the pad screen lands; replaced by its owner.
export default function Screen() {
  return <main><h1>pad</h1></main>;
}
