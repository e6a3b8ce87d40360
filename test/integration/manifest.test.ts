import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { BOT_SCOPES, COMMANDS, EVENTS, MESSAGE_SHORTCUTS } from '../../src/slack/surface';
import { grantsAny, loadEvents, loadManifest, readJson, SLACK_REFERENCE_DIR } from '../helpers/slack-reference';

const MANIFEST_DIR = path.join(SLACK_REFERENCE_DIR, 'manifest');

/** Slack's classic-manifest schema (draft-07, self-contained), compiled once. */
function manifestValidator(): ValidateFunction {
  // The schema carries non-standard annotations (`_note`, and `regex` where `pattern` was meant), so strict
  // mode would refuse it; `regex` is enforced as Slack intends rather than ignored.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addKeyword({ keyword: 'regex', type: 'string', schemaType: 'string', validate: (re: string, data: string) => new RegExp(re).test(data) });
  return ajv.compile(readJson(path.join(MANIFEST_DIR, 'schemas/manifest.schema.1.0.0.json')));
}

const validate = manifestValidator();
const manifest = loadManifest();
const botScopes = manifest.oauth_config?.scopes?.bot ?? [];
const botEvents = manifest.settings?.event_subscriptions?.bot_events ?? [];
const commands = manifest.features?.slash_commands ?? [];
const shortcuts = manifest.features?.shortcuts ?? [];

const sorted = (values: Iterable<string>) => [...values].sort();

describe('the manifest schema validator', () => {
  test('accepts Slack\'s valid example manifest', () => {
    expect(validate(readJson(path.join(MANIFEST_DIR, 'examples/v1/manifest.valid.json')))).toBe(true);
  });

  test('rejects Slack\'s invalid example manifest, naming the bad key', () => {
    expect(validate(readJson(path.join(MANIFEST_DIR, 'examples/v1/manifest.invalid.json')))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'bad_param' } }));
  });

  test('rejects a background colour that is not a hex colour', () => {
    expect(validate({ display_information: { name: 'Q', background_color: 'blue' } })).toBe(false);
  });
});

describe('manifest.yml', () => {
  test('is a valid classic (v1) app manifest', () => {
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(manifest).toMatchObject({ _metadata: { major_version: 1 } });
  });

  test('declares exactly the slash commands of src/slack/surface.ts', () => {
    expect(sorted(commands.map((c) => c.command))).toEqual(sorted(COMMANDS));
  });

  test('asks Slack to escape mentions in every command, so `erase @user` gets a user id', () => {
    expect(commands.filter((c) => c.should_escape !== true).map((c) => c.command)).toEqual([]);
  });

  test('declares exactly the message shortcuts of src/slack/surface.ts', () => {
    expect(sorted(shortcuts.map((s) => `${s.type}:${s.callback_id}`))).toEqual(sorted(Object.values(MESSAGE_SHORTCUTS).map((id) => `message:${id}`)));
  });

  test('subscribes to exactly the events of src/slack/surface.ts', () => {
    expect(sorted(botEvents)).toEqual(sorted(EVENTS));
  });

  test('requests exactly the bot scopes of src/slack/surface.ts and no user scopes', () => {
    expect(sorted(botScopes)).toEqual(sorted(BOT_SCOPES));
    expect(manifest.oauth_config?.scopes?.user ?? []).toEqual([]);
  });

  test('sends commands, events and interactivity to the one endpoint Bolt listens on', () => {
    const urls = [...commands.map((c) => c.url), manifest.settings?.event_subscriptions?.request_url, manifest.settings?.interactivity?.request_url];
    expect(new Set(urls)).toEqual(new Set(['https://YOUR-HOST/slack/events']));
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.oauth_config?.redirect_urls).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
  });

  describe('each subscribed event', () => {
    const events = loadEvents();
    test.each(botEvents.map((name) => [name]))('%s is an Events API event whose scope the manifest grants', (name) => {
      const event = events.get(name);
      expect(event?.APIs).toContain('Events');
      expect(grantsAny(new Set(botScopes), event?.scopes ?? [])).toBe(true);
    });
  });
});
