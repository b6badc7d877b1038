export function Thanks() {
  return (
    <div class="center" data-testid="thanks">
      <h1>感谢您的耐心</h1>
      <p>请您在等候区休息，留意叫号。祝您办理顺利！</p>
    </div>
  );
}
