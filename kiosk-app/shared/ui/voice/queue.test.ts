import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, type ClipPlayer } from './queue.ts';

/** A player whose clips finish only when the test says so, recording start and end of every play. */
function manualPlayer() {
  const log: string[] = [];
  const finishers: Array<() => void> = [];
  const player: ClipPlayer = {
    play(clips) {
      log.push(`start ${clips.join(' ')}`);
      return new Promise<void>((resolve) => {
        finishers.push(() => {
          log.push(`end ${clips.join(' ')}`);
          resolve();
        });
      });
    },
  };
  const finishNext = async () => {
    await Promise.resolve();
    const finish = finishers.shift();
    if (!finish) throw new Error('nothing is playing');
    finish();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { player, log, finishNext };
}

const noSleep = () => Promise.resolve();

describe('announcement queue', () => {
  it('never cuts an announcement off: the second starts after the first ends', async () => {
    const { player, log, finishNext } = manualPlayer();
    const queue = new AnnouncementQueue(player, { sleep: noSleep });
    queue.enqueue({ clips: ['chime', 'A'], repeat: 1, text: 'A' });
    queue.enqueue({ clips: ['chime', 'B'], repeat: 1, text: 'B' });
    await Promise.resolve();
    expect(log).toEqual(['start chime A']);
    expect(queue.current.value?.text).toBe('A');
    await finishNext();
    expect(log).toEqual(['start chime A', 'end chime A', 'start chime B']);
    await finishNext();
    await queue.whenIdle();
    expect(log).toEqual(['start chime A', 'end chime A', 'start chime B', 'end chime B']);
    expect(queue.current.value).toBeNull();
  });

  it('repeats an announcement as many times as the pack says, before the next one', async () => {
    const played: string[] = [];
    const queue = new AnnouncementQueue({ play: async (clips) => void played.push(clips.join('')) }, { sleep: noSleep });
    queue.enqueue({ clips: ['x'], repeat: 2, text: 'x' });
    queue.enqueue({ clips: ['y'], repeat: 1, text: 'y' });
    await queue.whenIdle();
    expect(played).toEqual(['x', 'x', 'y']);
  });

  it('skips a failing sequence and keeps going', async () => {
    const played: string[] = [];
    const errors: unknown[] = [];
    const queue = new AnnouncementQueue(
      {
        play: async (clips) => {
          if (clips[0] === 'bad') throw new Error('clip missing');
          played.push(clips.join(''));
        },
      },
      { sleep: noSleep, onError: (error) => errors.push(error) },
    );
    queue.enqueue({ clips: ['bad'], repeat: 1, text: 'bad' });
    queue.enqueue({ clips: ['good'], repeat: 1, text: 'good' });
    await queue.whenIdle();
    expect(played).toEqual(['good']);
    expect(errors).toHaveLength(1);
  });

  it('treats a repeat below 1 as one reading', async () => {
    const played: string[] = [];
    const queue = new AnnouncementQueue({ play: async (clips) => void played.push(clips.join('')) }, { sleep: noSleep });
    queue.enqueue({ clips: ['z'], repeat: 0, text: 'z' });
    await queue.whenIdle();
    expect(played).toEqual(['z']);
  });
});
