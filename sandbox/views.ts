import { createIdSequence, RUN_TAG } from './ids';
import { SlackApiError } from './slack-api-error';
import type { Workspace } from './workspace';
import type { Block, Json } from './model';

/** A view in Slack's shape (web-api/methods/views.open.json, views.publish.json examples). */
export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title: Json | null;
  submit: Json | null;
  close: Json | null;
  blocks: Block[];
  private_metadata: string;
  callback_id: string;
  state: { values: Record<string, Record<string, Json>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  external_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

/** Slack lets an app stack at most three modals (views.push answers push_limit_reached). */
export const MAX_MODAL_STACK = 3;

/**
 * Modals (a stack per user) and App Home tabs (one per user). Views keep their id across updates
 * and get a new `hash` each time, so a stale `hash` is refused with hash_conflict as in Slack.
 */
export class ViewStore {
  private readonly byId = new Map<string, SlackView>();
  private readonly owner = new Map<string, string>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private readonly errors = new Map<string, Record<string, string>>();
  private readonly nextId = createIdSequence(`V0SB${RUN_TAG}`, 6);
  private hashCounter = 0;

  constructor(private readonly ws: Workspace) {}

  get(id: string): SlackView | undefined {
    return this.byId.get(id);
  }

  ownerOf(id: string): string | undefined {
    return this.owner.get(id);
  }

  /** The user's open modals, bottom first; the last one is the one on screen. */
  stack(user: string): SlackView[] {
    return (this.stacks.get(user) ?? []).map((id) => this.byId.get(id)!);
  }

  topModal(user: string): SlackView | undefined {
    return this.stack(user).at(-1);
  }

  home(user: string): SlackView | undefined {
    const id = this.homes.get(user);
    return id ? this.byId.get(id) : undefined;
  }

  /** Errors shown under input blocks after a `response_action: errors` answer. */
  errorsOf(id: string): Record<string, string> | undefined {
    return this.errors.get(id);
  }

  open(user: string, input: Json): SlackView {
    if (input.type !== 'modal') throw new SlackApiError('invalid_arguments', ['[ERROR] views.open needs a view of type "modal" [json-pointer:/view/type]']);
    for (const old of this.stack(user)) this.byId.delete(old.id);
    const view = this.create(user, input, null, null);
    this.stacks.set(user, [view.id]);
    this.ws.emitActivity({ kind: 'view_opened', view, user });
    return view;
  }

  push(user: string, input: Json): SlackView {
    const stack = this.stacks.get(user) ?? [];
    if (stack.length === 0) throw new SlackApiError('not_found');
    if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
    if (input.type !== 'modal') throw new SlackApiError('invalid_arguments', ['[ERROR] views.push needs a view of type "modal" [json-pointer:/view/type]']);
    const view = this.create(user, input, stack[0]!, stack.at(-1)!);
    stack.push(view.id);
    this.ws.emitActivity({ kind: 'view_pushed', view, user });
    return view;
  }

  /** Replaces a view's content in place; `hash`, when given, must be the current one. */
  update(target: { viewId?: string; externalId?: string }, input: Json, hash?: string): SlackView {
    const view = target.viewId ? this.byId.get(target.viewId) : [...this.byId.values()].find((v) => v.external_id && v.external_id === target.externalId);
    if (!view) throw new SlackApiError('not_found');
    if (hash && hash !== view.hash) throw new SlackApiError('hash_conflict');
    const type = typeof input.type === 'string' ? input.type : view.type;
    if (type !== view.type) throw new SlackApiError('invalid_arguments', [`[ERROR] cannot change a ${view.type} view into a ${type} view [json-pointer:/view/type]`]);
    Object.assign(view, this.fields(input), { hash: this.nextHash() });
    this.errors.delete(view.id);
    this.ws.emitActivity({ kind: view.type === 'home' ? 'home_published' : 'view_updated', view, user: this.owner.get(view.id)! });
    return view;
  }

  publishHome(user: string, input: Json, hash?: string): SlackView {
    if (input.type !== 'home') throw new SlackApiError('invalid_arguments', ['[ERROR] views.publish needs a view of type "home" [json-pointer:/view/type]']);
    const existing = this.home(user);
    if (existing) {
      if (hash && hash !== existing.hash) throw new SlackApiError('hash_conflict');
      Object.assign(existing, this.fields(input), { hash: this.nextHash() });
      this.ws.emitActivity({ kind: 'home_published', view: existing, user });
      return existing;
    }
    const view = this.create(user, input, null, null);
    this.homes.set(user, view.id);
    this.ws.emitActivity({ kind: 'home_published', view, user });
    return view;
  }

  setState(id: string, values: SlackView['state']['values']): void {
    const view = this.byId.get(id);
    if (view) view.state = { values };
  }

  setErrors(id: string, errors: Record<string, string>): void {
    this.errors.set(id, errors);
  }

  /** Closes the top modal (an empty view_submission ack, or Cancel). */
  closeTop(user: string): SlackView | undefined {
    const stack = this.stacks.get(user) ?? [];
    const id = stack.pop();
    if (!id) return undefined;
    const view = this.byId.get(id)!;
    this.ws.emitActivity({ kind: 'view_closed', view, user });
    return view;
  }

  /** Closes every modal of the user (`response_action: clear`). */
  closeAll(user: string): void {
    while ((this.stacks.get(user) ?? []).length > 0) this.closeTop(user);
  }

  /** Replaces the top modal with a new one in place (`response_action: update`). */
  replaceTop(user: string, input: Json): SlackView {
    const top = this.topModal(user);
    if (!top) throw new SlackApiError('not_found');
    return this.update({ viewId: top.id }, input);
  }

  private create(user: string, input: Json, rootId: string | null, previousId: string | null): SlackView {
    const external = typeof input.external_id === 'string' ? input.external_id : '';
    if (external && [...this.byId.values()].some((v) => v.external_id === external)) throw new SlackApiError('duplicate_external_id');
    const id = this.nextId();
    const view: SlackView = {
      id,
      team_id: this.ws.team.id,
      type: input.type as 'modal' | 'home',
      ...this.fields(input),
      state: { values: {} },
      hash: this.nextHash(),
      root_view_id: rootId ?? id,
      previous_view_id: previousId,
      app_id: this.ws.bot.appId,
      external_id: external,
      app_installed_team_id: this.ws.team.id,
      bot_id: this.ws.bot.botId,
    };
    this.byId.set(id, view);
    this.owner.set(id, user);
    return view;
  }

  private fields(input: Json) {
    return {
      title: (input.title as Json | undefined) ?? null,
      submit: (input.submit as Json | undefined) ?? null,
      close: (input.close as Json | undefined) ?? null,
      blocks: this.ws.withBlockIds(Array.isArray(input.blocks) ? (input.blocks as Block[]) : []),
      private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
      callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
    };
  }

  private nextHash(): string {
    this.hashCounter += 1;
    return `${Math.floor(this.ws.now() / 1000)}.sb${String(this.hashCounter).padStart(6, '0')}`;
  }
}
