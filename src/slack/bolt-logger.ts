import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import { scrubText, type Logger } from '../log';

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt and the Web API client log through this, so their lines share our format and redaction. */
export function createBoltLogger(root: Logger, name = 'bolt'): SlackLogger {
  let log = root.child({ component: name });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    // Bolt logs at debug twice per acknowledgement; formatting lines nobody keeps would cost every request.
    if (!log.isLevelEnabled(level)) return;
    const err = msg.find((m): m is Error => m instanceof Error);
    // Bolt and the Web API client put request bodies into the message itself, out of reach of pino's redact paths.
    const text = scrubText(msg.filter((m) => !(m instanceof Error)).map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
    if (err) log[level]({ err }, text);
    else log[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => {
      log.level = TO_PINO[level] ?? 'info';
    },
    getLevel: () => (Object.entries(TO_PINO).find(([, v]) => v === log.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (next: string) => {
      log = root.child({ component: next });
    },
  };
}
