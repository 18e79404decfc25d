/**
 * test:package must download nothing: the build runs with every outgoing TCP
 * connection of this process refused and recorded (HTTP, HTTPS and fetch all
 * open their sockets through net.Socket#connect), so a download electron-builder
 * tries fails at once instead of hanging, and the attempt is reported.
 */
import net from 'node:net';

/** Refuses every connection until the returned function is called; returns the attempts seen. */
export function refuseNetwork(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function refused(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = args[0];
    attempts.push(typeof target === 'object' && target !== null ? JSON.stringify(target) : String(target));
    process.nextTick(() => this.destroy(new Error('npm run test:package allows no network access.')));
    return this;
  } as typeof net.Socket.prototype.connect;
  return {
    attempts,
    restore() {
      net.Socket.prototype.connect = original;
    },
  };
}
