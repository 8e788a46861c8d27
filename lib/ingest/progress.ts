/**
 * Progress of a long ingest: a bar with counts and rate on a terminal, plain
 * lines when output is not a terminal (logs, CI).
 */
export interface Progress {
  tick(label: string): void;
  line(text: string): void;
  done(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, options: { quiet?: boolean } = {}): Progress {
  const started = Date.now();
  let count = 0;
  const tty = Boolean(stream.isTTY) && !options.quiet;
  const rate = () => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? count / s : 0;
  };
  const render = (label: string) => {
    const width = 24;
    const filled = total ? Math.round((count / total) * width) : width;
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    const name = label.length > 40 ? "…" + label.slice(-39) : label;
    stream.write(`\r\x1b[K${bar} ${count}/${total} ${rate().toFixed(1)} docs/s  ${name}`);
  };
  return {
    tick(label) {
      count++;
      if (tty) render(label);
      else if (!options.quiet) stream.write(`[${count}/${total}] ${label}\n`);
    },
    line(text) {
      if (tty) stream.write(`\r\x1b[K${text}\n`);
      else stream.write(`${text}\n`);
    },
    done() {
      if (tty) stream.write("\r\x1b[K");
    },
  };
}
