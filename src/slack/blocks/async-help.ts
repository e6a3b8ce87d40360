export const ASYNC_HELP = [
  '*`/async` files work that should not interrupt anyone.* It lands in the next daily digest, ordered by priority.',
  '• `/async <text>`: file it; I pick the area and priority and tell you why.',
  '• `/async +do +ops <text>`: force them. Areas: `+deep` (deep work, the hub), `+ops` (daily operations), `+meeting`, `+offline`. Priorities: `+do`, `+schedule`, `+delegate`, `+drop`.',
  '• `/async`: open a form (text, area, priority, by when).',
  '• `/async list`: your open items, with Done buttons. `/async list hub`: open hub items.',
  '• `/async done <id>`: mark one done.',
  '• In a thread, use the message menu (⋯) → *Send to async digest*, or mention me with `async`.',
  'Real emergencies (outage, security, data loss, customers blocked now) go to `/emergency` instead.',
].join('\n');
