import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Server {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/servers/<name>.js in its own process and waits for the first JSON line it prints. */
export function startServer(name: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'servers', `${name}.js`)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) {
        const info = JSON.parse(line) as { port: number };
        resolve({
          port: info.port,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
  });
}

/** Runs a one-shot bench process and returns the JSON it printed. */
export function runOnce<T>(name: string, env: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'servers', `${name}.js`)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as T) : reject(new Error(`${name} failed (${code})`))));
  });
}
