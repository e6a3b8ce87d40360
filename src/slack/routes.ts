import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../log';
import type { Route } from '../http/server';

/** Slack's paths, handed to Bolt's receiver (signature verification, ack timing, OAuth install pages). */
export function slackRoutes(receiver: HTTPReceiver, logger: Logger, bodyLimit: number): Route[] {
  const handler: Route['handler'] = (req, res) => {
    // Refuse an oversized body before reading it, and close the connection so its unread rest cannot
    // be taken for the next request on a kept-alive socket.
    if (Number(req.headers['content-length'] ?? 0) > bodyLimit) {
      res.writeHead(413, { connection: 'close' });
      res.end();
      req.resume();
      return;
    }
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
  return [
    { method: 'POST', path: '/slack/events', handler },
    { method: 'GET', path: '/slack/install', handler },
    { method: 'GET', path: '/slack/oauth_redirect', handler },
  ];
}
