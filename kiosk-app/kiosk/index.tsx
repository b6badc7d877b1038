// Placeholder until the kiosk screen lands; replaced by its owner.
export default function Screen() {
  return <main><h1>kiosk</h1></main>;
}
