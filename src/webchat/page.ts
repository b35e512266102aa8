/**
 * The web chat page: Microsoft's Web Chat (served by the bot from the botframework-webchat package,
 * no CDN) started by public/app.js. The settings it needs travel as JSON data, never as script, so
 * the Content-Security-Policy can forbid inline scripts.
 */
export interface PageSettings {
  /** Direct Line base URL; undefined means the bot's own built-in endpoint. */
  domain?: string;
  webChatScript: string;
  appScript: string;
  /** Shown under the title: which Direct Line the page talks to. */
  mode: string;
}

export function webChatPage(settings: PageSettings): string {
  const data = JSON.stringify({ domain: settings.domain ?? null, tokenUrl: '/api/directline/token' }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lync Helpdesk Bot</title>
<style>
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; overflow-x: hidden; }
  body { font: 14px/1.45 "Segoe UI", system-ui, sans-serif; color: #242424; background: #f5f5f5; display: flex; flex-direction: column; }
  header { background: #464eb8; color: #fff; padding: 8px 12px; display: flex; gap: 8px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; }
  header small { opacity: .85; font-size: 12px; }
  header button { font: inherit; background: #fff; color: #464eb8; border: 0; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  #banner { background: #fdf3f4; color: #a4262c; border-bottom: 1px solid #f1bbbc; padding: 8px 12px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
  #banner[hidden] { display: none; }
  #banner button { font: inherit; border: 1px solid #a4262c; color: #a4262c; background: #fff; border-radius: 4px; padding: 2px 10px; cursor: pointer; }
  #webchat { flex: 1; min-height: 0; min-width: 0; }
  /* Long paths and commands wrap instead of pushing the card wider than a phone. */
  #webchat .ac-textBlock, #webchat .ac-textBlock *, #webchat .ac-factset td, #webchat .webchat__bubble__content p { overflow-wrap: anywhere; word-break: break-word; }
  #webchat pre, #webchat code { white-space: pre-wrap; overflow-wrap: anywhere; }
  #webchat .ac-factset { table-layout: fixed; width: 100%; }
  #webchat button.lhb-stale { opacity: .45; cursor: not-allowed; }
  #webchat .lhb-copy { font: 12px/1.2 "Segoe UI", system-ui, sans-serif; margin: 2px 0 6px; padding: 2px 8px; border: 1px solid #8a8886; border-radius: 3px; background: #fff; color: #323130; cursor: pointer; }
</style>
</head>
<body>
<header><div><h1>Lync Helpdesk Bot</h1><small>${settings.mode}</small></div><button id="new-conversation" type="button">New conversation</button></header>
<div id="banner" role="alert" hidden><span id="banner-text"></span><button id="banner-retry" type="button" hidden>Retry now</button></div>
<div id="webchat" role="main"></div>
<script type="application/json" id="webchat-config">${data}</script>
<script src="${settings.webChatScript}"></script>
<script src="${settings.appScript}"></script>
</body>
</html>
`;
}
