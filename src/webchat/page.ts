/**
 * The built-in web chat page, served at `/` for local use without Azure. Self-contained (no CDN:
 * the machines it runs on may have no internet). It renders text, the subset of Adaptive Cards the
 * bot sends (TextBlock, FactSet, Action.Submit) and suggested actions, and polls for later messages.
 */
export const WEB_CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lync Helpdesk Bot</title>
<style>
  :root { --accent: #464eb8; --bg: #f5f5f5; --bubble: #fff; --mine: #e8ebfa; --text: #242424; --subtle: #616161; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 "Segoe UI", system-ui, sans-serif; color: var(--text); background: var(--bg); display: flex; flex-direction: column; height: 100vh; }
  header { background: var(--accent); color: #fff; padding: 10px 16px; font-weight: 600; display: flex; justify-content: space-between; align-items: center; }
  header small { font-weight: 400; opacity: .85; }
  #log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; }
  .msg { max-width: 760px; padding: 10px 12px; border-radius: 8px; background: var(--bubble); box-shadow: 0 1px 2px rgba(0,0,0,.08); white-space: pre-wrap; word-wrap: break-word; }
  .msg.user { align-self: flex-end; background: var(--mine); }
  .msg.bot { align-self: flex-start; }
  .msg.error { border-left: 4px solid #c4314b; }
  .card { white-space: normal; }
  .card > div, .card td { white-space: pre-wrap; }
  .card .tb-mono { font-family: Consolas, monospace; font-size: 13px; background: #f6f6f6; padding: 4px 6px; border-radius: 3px; }
  .card .tb-bolder { font-weight: 600; }
  .card .tb-medium { font-size: 16px; }
  .card .tb-small { font-size: 12px; }
  .card .tb-subtle { color: var(--subtle); }
  .card .sep { border-top: 1px solid #e0e0e0; margin-top: 8px; padding-top: 8px; }
  .card table { border-collapse: collapse; margin: 4px 0; }
  .card td { padding: 2px 12px 2px 0; vertical-align: top; }
  .card td:first-child { font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
  button { font: inherit; border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--mine); }
  code { background: #f0f0f0; padding: 0 3px; border-radius: 3px; font-family: Consolas, monospace; }
  form { display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #e0e0e0; }
  #input { flex: 1; font: inherit; padding: 8px 10px; border: 1px solid #c7c7c7; border-radius: 4px; }
  #send { background: var(--accent); color: #fff; }
  #status { color: var(--subtle); font-size: 12px; padding: 0 16px 6px; background: #fff; min-height: 18px; }
</style>
</head>
<body>
<header><span>Lync Helpdesk Bot</span><small>built-in web chat (local, unauthenticated)</small></header>
<main id="log" aria-live="polite"></main>
<div id="status"></div>
<form id="composer" autocomplete="off">
  <input id="input" name="text" placeholder="Ask about a Lync sign-in problem, or type help" aria-label="Message">
  <button id="send" type="submit">Send</button>
</form>
<script>
(function () {
  var log = document.getElementById('log');
  var input = document.getElementById('input');
  var statusLine = document.getElementById('status');
  var stored = {};
  try { stored = JSON.parse(localStorage.getItem('lync-helpdesk-webchat') || '{}'); } catch (e) { stored = {}; }
  var conversationId = stored.conversationId || ('webchat-' + Math.random().toString(36).slice(2, 12));
  var userId = stored.userId || ('webchat-user-' + Math.random().toString(36).slice(2, 10));
  localStorage.setItem('lync-helpdesk-webchat', JSON.stringify({ conversationId: conversationId, userId: userId }));
  var lastSeq = 0;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function markdown(text) {
    return escapeHtml(text)
      .replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>')
      .replace(/\`([^\`]+)\`/g, '<code>$1</code>');
  }
  function scroll() { log.scrollTop = log.scrollHeight; }
  function addBubble(who, html, extraClass) {
    var div = document.createElement('div');
    div.className = 'msg ' + who + (extraClass ? ' ' + extraClass : '');
    div.innerHTML = html;
    log.appendChild(div);
    scroll();
    return div;
  }
  function actionButtons(container, actions) {
    if (!actions || !actions.length) return;
    var row = document.createElement('div');
    row.className = 'actions';
    actions.forEach(function (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title;
      button.addEventListener('click', function () { send(action.says, action.value, action.title); });
      row.appendChild(button);
    });
    container.appendChild(row);
  }
  function renderElement(element) {
    if (element.type === 'TextBlock') {
      var classes = [element.weight === 'Bolder' ? 'tb-bolder' : '', element.size === 'Medium' || element.size === 'Large' ? 'tb-medium' : '',
        element.size === 'Small' ? 'tb-small' : '', element.isSubtle ? 'tb-subtle' : '', element.separator ? 'sep' : '',
        element.fontType === 'Monospace' ? 'tb-mono' : ''].join(' ');
      return '<div class="' + classes + '">' + markdown(element.text || '') + '</div>';
    }
    if (element.type === 'FactSet') {
      return '<table>' + (element.facts || []).map(function (f) { return '<tr><td>' + markdown(f.title) + '</td><td>' + markdown(f.value) + '</td></tr>'; }).join('') + '</table>';
    }
    if (element.type === 'Container' || element.type === 'Column') return (element.items || []).map(renderElement).join('');
    if (element.type === 'ColumnSet') return (element.columns || []).map(renderElement).join('');
    return '';
  }
  function renderActivity(activity) {
    if (activity.type !== 'message') return;
    var cards = (activity.attachments || []).filter(function (a) { return a.contentType === 'application/vnd.microsoft.card.adaptive'; });
    if (cards.length) {
      cards.forEach(function (attachment) {
        var card = attachment.content || {};
        var bubble = addBubble('bot card', (card.body || []).map(renderElement).join(''));
        actionButtons(bubble, (card.actions || []).filter(function (a) { return a.type === 'Action.Submit'; }).map(function (a) {
          return { title: a.title, says: (a.data && a.data.text) || a.title, value: a.data };
        }));
      });
    } else if (activity.text) {
      addBubble('bot', markdown(activity.text));
    }
    var suggested = activity.suggestedActions && activity.suggestedActions.actions;
    if (suggested && suggested.length) {
      actionButtons(log.lastChild, suggested.map(function (a) { return { title: a.title, says: a.value }; }));
    }
  }
  function activity(type, text, value) {
    return {
      type: type, id: 'web-' + Date.now() + '-' + Math.random().toString(36).slice(2, 6), timestamp: new Date().toISOString(),
      channelId: 'webchat', serviceUrl: location.origin + '/webchat', deliveryMode: 'expectReplies',
      from: { id: userId, name: 'You' }, recipient: { id: 'lync-helpdesk-bot', name: 'Lync Helpdesk Bot' },
      conversation: { id: conversationId }, text: text, value: value, locale: navigator.language || 'en-US'
    };
  }
  function post(body) {
    statusLine.textContent = 'The bot is typing…';
    return fetch('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) return response.text().then(function (t) { throw new Error('The bot answered ' + response.status + ': ' + t); });
        return response.json();
      })
      .then(function (result) { ((result && result.activities) || []).forEach(renderActivity); statusLine.textContent = ''; })
      .catch(function (error) { statusLine.textContent = ''; addBubble('bot', escapeHtml(error.message || String(error)), 'error'); });
  }
  function send(text, value, shown) {
    if (!text) return;
    // A button shows what it says on its face; the command it sends may carry internal names.
    addBubble('user', escapeHtml(shown || text));
    return post(activity('message', text, value));
  }
  function poll() {
    fetch('/webchat/conversations/' + encodeURIComponent(conversationId) + '/activities?after=' + lastSeq)
      .then(function (r) { return r.ok ? r.json() : { activities: [] }; })
      .then(function (result) {
        (result.activities || []).forEach(function (item) { lastSeq = Math.max(lastSeq, item.seq); renderActivity(item.activity); });
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1500); });
  }
  document.getElementById('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    input.value = '';
    send(text);
  });
  var update = activity('conversationUpdate');
  delete update.text;
  update.membersAdded = [{ id: userId, name: 'You' }];
  post(update);
  poll();
  input.focus();
})();
</script>
</body>
</html>
`;
