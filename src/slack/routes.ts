import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../log';
import { readBodyWithin, type Route } from '../http/server';
import { checkSlackSignature } from './signature';

export type SlackRequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const FORM = 'application/x-www-form-urlencoded';

/**
 * Slack's paths, handed to Bolt's receiver (routing, parsing, ack timing, OAuth install pages) after this
 * listener has read the body and checked its signature. Bolt's own check is turned off (app.ts): it parses
 * every form body one extra time to look for ssl_check and compares with tsscmp, which draws random bytes and
 * computes two more HMACs per request, about a fifth of what an /async acknowledgement costs in all
 * (BENCHMARKS.md). Bolt takes the body already buffered here, so no POST reaches it unchecked; GETs (the OAuth
 * install pages) pass straight on, as Bolt only dispatches POSTs to its endpoint.
 */
export function slackRequestListener(
  receiver: HTTPReceiver,
  options: { signingSecret: string; logger: Logger; bodyLimit: number },
): SlackRequestListener {
  const { signingSecret, logger, bodyLimit } = options;
  // Bolt's own start-up check for the secret is off with its signature check; without one every POST would fail.
  if (!signingSecret) throw new Error('SLACK_SIGNING_SECRET is needed to check the signatures of Slack requests');
  const handOn = (req: IncomingMessage, res: ServerResponse) => {
    try {
      receiver.requestListener(req, res);
    } catch (err) {
      logger.debug({ err }, 'Slack receiver did not handle the request');
      if (!res.headersSent) {
        res.writeHead(404);
        res.end();
      }
    }
  };
  return (req, res) => {
    if (req.method !== 'POST') return handOn(req, res);
    // Refuse an oversized body before reading it, and close the connection so its unread rest cannot
    // be taken for the next request on a kept-alive socket.
    if (Number(req.headers['content-length'] ?? 0) > bodyLimit) return refuseTooLarge(req, res);
    readBodyWithin(req, bodyLimit, (body) => {
      if (body === undefined) return refuseTooLarge(req, res);
      const check = checkSlackSignature(signingSecret, req.headers['x-slack-request-timestamp'], req.headers['x-slack-signature'], body, Date.now());
      if (!check.ok) {
        // Slack's SSL check comes unsigned when a Request URL is saved; it is answered, never dispatched.
        if (isSslCheck(req, body)) return void res.writeHead(200).end();
        logger.warn({ reason: check.reason }, 'refused a request that Slack did not sign');
        return void res.writeHead(401).end();
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      handOn(req, res);
    });
  };
}

/** One exact route per Slack path; the OAuth pages only do something in OAuth mode. */
export function slackRoutes(handler: SlackRequestListener): Route[] {
  return [
    { method: 'POST', path: '/slack/events', handler },
    { method: 'GET', path: '/slack/install', handler },
    { method: 'GET', path: '/slack/oauth_redirect', handler },
  ];
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, { connection: 'close' });
  res.end();
  req.resume();
}

function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  return req.headers['content-type'] === FORM && parseForm(body.toString()).ssl_check === '1';
}
