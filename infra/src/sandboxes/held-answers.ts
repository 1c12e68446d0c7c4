/**
 * Delays that hold an answer back (the PG's hanging card), all released at once when the
 * sandbox stops so no timer outlives it.
 */
export class HeldAnswers {
  private readonly waiting = new Set<() => void>();

  hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.waiting.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.waiting.add(release);
    });
  }

  releaseAll(): void {
    for (const release of [...this.waiting]) release();
  }
}
