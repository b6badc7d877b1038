// Placeholder until the board screen lands; replaced by its owner.
export default function Screen() {
  return <main><h1>board</h1></main>;
}
