/*
 * The web chat page's own script: Microsoft's Web Chat (window.WebChat, served by the bot) on a small
 * Direct Line 3.0 polling client that keeps retrying while the bot is unreachable, plus what the
 * helpdesk needs on top (stale card buttons disabled, copy buttons, a new-conversation button).
 * Plain ES2017, no build step: the bot serves this file as it is.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'lync-helpdesk-webchat';
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var domain = (config.domain || location.origin + '/v3/directline').replace(/\/+$/, '');
  var banner = document.getElementById('banner');
  var bannerText = document.getElementById('banner-text');
  var bannerRetry = document.getElementById('banner-retry');

  // Direct Line connection states, as Web Chat reads them.
  var UNINITIALIZED = 0, CONNECTING = 1, ONLINE = 2, EXPIRED_TOKEN = 3, FAILED_TO_CONNECT = 4, ENDED = 5;

  function showBanner(text, retry) {
    bannerText.textContent = text;
    bannerRetry.hidden = !retry;
    bannerRetry.onclick = retry || null;
    banner.hidden = false;
  }
  function hideBanner() { banner.hidden = true; }

  /** A multicast observable with a current value (what Web Chat expects of connectionStatus$). */
  function subject(initial, hasInitial, onFirstSubscribe, replayAll) {
    var observers = [];
    var current = initial;
    var history = [];
    var self = {
      get value() { return current; },
      next: function (value) {
        current = value;
        hasInitial = true;
        if (replayAll) history.push(value);
        observers.slice().forEach(function (o) { if (o.next) o.next(value); });
      },
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : (observerOrNext || {});
        observers.push(observer);
        // Web Chat subscribes more than once; a later subscriber still gets every activity (it keys them by id).
        if (replayAll) history.forEach(function (value) { if (observer.next) observer.next(value); });
        else if (hasInitial && observer.next) observer.next(current);
        if (onFirstSubscribe) { var starting = onFirstSubscribe; onFirstSubscribe = null; starting(); }
        var subscription = { closed: false, unsubscribe: function () { subscription.closed = true; observers = observers.filter(function (o) { return o !== observer; }); } };
        return subscription;
      }
    };
    self[typeof Symbol === 'function' && Symbol.observable ? Symbol.observable : '@@observable'] = function () { return self; };
    self['@@observable'] = function () { return self; };
    return self;
  }

  /** An observable of one value (postActivity's answer). */
  function single(promise) {
    var self = {
      subscribe: function (observerOrNext, error, complete) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error: error, complete: complete } : (observerOrNext || {});
        var closed = false;
        promise.then(function (value) {
          if (closed) return;
          if (observer.next) observer.next(value);
          if (observer.complete) observer.complete();
        }, function (reason) { if (!closed && observer.error) observer.error(reason); });
        return { get closed() { return closed; }, unsubscribe: function () { closed = true; } };
      }
    };
    self['@@observable'] = function () { return self; };
    if (typeof Symbol === 'function' && Symbol.observable) self[Symbol.observable] = self['@@observable'];
    return self;
  }

  function HttpError(status, message) { this.status = status; this.message = message; }
  HttpError.prototype = Object.create(Error.prototype);

  function call(method, path, token, body) {
    return fetch(domain + path, {
      method: method,
      headers: Object.assign({ authorization: 'Bearer ' + token }, body !== undefined ? { 'content-type': 'application/json' } : {}),
      body: body !== undefined ? JSON.stringify(body) : undefined,
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) throw new HttpError(response.status, 'HTTP ' + response.status);
      return response.status === 204 ? {} : response.json();
    });
  }

  /**
   * Direct Line 3.0 over polling. Unlike a client that gives up after the first failed poll, this one
   * keeps polling (with back-off) while the bot is down, tells Web Chat it is reconnecting, and picks
   * up where the transcript is once the bot answers again (watermarks live in the bot's state store).
   */
  function createPollingDirectLine(session, onSession) {
    var status = subject(UNINITIALIZED, true);
    // Nothing is fetched before Web Chat listens: activities polled earlier would be lost.
    var activities = subject(undefined, false, function () { start(); }, true);
    var watermark = '0';
    var ended = false;
    var pollTimer;
    var failures = 0;

    function setStatus(value) { if (status.value !== value) status.next(value); }
    function schedule(ms) { clearTimeout(pollTimer); if (!ended) pollTimer = setTimeout(poll, ms); }
    function unreachable() {
      failures++;
      if (status.value === ONLINE || status.value === UNINITIALIZED) setStatus(CONNECTING);
      showBanner('The helpdesk bot cannot be reached right now. Retrying… What you type is kept: send it once the bot is back (a message that failed shows “Retry”).', function () { failures = 0; schedule(0); });
      schedule(Math.min(10000, 1000 * Math.pow(2, Math.min(failures, 4))));
    }
    function poll() {
      call('GET', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities?watermark=' + encodeURIComponent(watermark), session.token)
        .then(function (page) {
          failures = 0;
          hideBanner();
          setStatus(ONLINE);
          if (page.watermark !== undefined) watermark = page.watermark;
          (page.activities || []).forEach(function (activity) { activities.next(activity); });
          schedule(config.pollingIntervalMs || 1000);
        }, function (error) {
          if (error && error.status === 403) { setStatus(EXPIRED_TOKEN); session.expired(); return; }
          if (error && error.status === 404) { setStatus(ENDED); return; }
          unreachable();
        });
    }
    function start() {
      setStatus(CONNECTING);
      var started = session.fresh ? call('POST', '/conversations', session.token, {}) : Promise.resolve({});
      started.then(function () {
        session.fresh = false;
        onSession(session);
        poll();
      }, function (error) {
        if (error && error.status === 403) { setStatus(FAILED_TO_CONNECT); session.expired(); return; }
        failures++;
        showBanner('The helpdesk bot cannot be reached right now. Retrying…', function () { start(); });
        setTimeout(start, Math.min(10000, 1000 * Math.pow(2, Math.min(failures, 4))));
      });
    }
    // Tokens last an hour: renew well before that while the page stays open.
    var refresher = setInterval(function () {
      call('POST', '/tokens/refresh', session.token, {}).then(function (answer) {
        if (answer && answer.token) { session.token = answer.token; session.expiresAt = Date.now() + (answer.expires_in || 3600) * 1000; onSession(session); }
      }, function () { /* the next poll tells whether the bot is reachable */ });
    }, 15 * 60 * 1000);

    return {
      connectionStatus$: status,
      activity$: activities,
      postActivity: function (activity) {
        var posted = call('POST', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities', session.token, activity)
          .then(function (answer) { schedule(0); return answer.id; }, function (error) {
            if (!error || !error.status || error.status >= 500) unreachable();
            throw error;
          });
        return single(posted);
      },
      end: function () { ended = true; clearTimeout(pollTimer); clearInterval(refresher); setStatus(ENDED); },
      getSessionId: function () { return single(Promise.resolve('')); }
    };
  }

  function saved() {
    try {
      var value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      if (value && value.token && value.conversationId && value.userId && value.expiresAt > Date.now() + 60000) return value;
    } catch (e) { /* a damaged entry starts a new conversation */ }
    return null;
  }
  function save(session) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: session.token, conversationId: session.conversationId, userId: session.userId, expiresAt: session.expiresAt }));
  }
  function newConversation() {
    sessionStorage.removeItem(STORAGE_KEY);
    location.reload();
  }
  document.getElementById('new-conversation').addEventListener('click', newConversation);

  function obtainSession() {
    var existing = saved();
    if (existing) return Promise.resolve(Object.assign(existing, { fresh: false }));
    return fetch(config.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new HttpError(response.status, 'HTTP ' + response.status);
        return response.json();
      })
      .then(function (answer) {
        return { token: answer.token, conversationId: answer.conversationId, userId: answer.userId, expiresAt: Date.now() + (answer.expires_in || 3600) * 1000, fresh: true };
      });
  }

  // --- What Web Chat does not do by itself --------------------------------------------------------

  /** A card button's data as the words it stands for (see src/cards/adaptive.ts and check cards). */
  function saysOf(value) {
    if (!value || typeof value !== 'object') return undefined;
    if (typeof value.text === 'string' && value.text) return value.text;
    if (typeof value.command === 'string' && value.command) return value.command;
    var teams = value.msteams;
    if (teams && typeof teams.value === 'string') return teams.value;
    if (teams && typeof teams.text === 'string') return teams.text;
    return undefined;
  }

  var cardActionMiddleware = function () {
    return function (next) {
      return function (args) {
        var action = args.cardAction;
        var card = args.target && args.target.closest && args.target.closest('.ac-adaptiveCard');
        if (card) card.setAttribute('data-used', 'true');
        if (action && action.type === 'postBack') {
          var says = saysOf(action.value);
          // Shown as the user's own message, like a typed one, so the transcript reads naturally.
          if (says) return next(Object.assign({}, args, { cardAction: { type: 'messageBack', text: says, displayText: says, value: action.value } }));
        }
        return next(args);
      };
    };
  };

  function activityElements() {
    return Array.prototype.slice.call(document.querySelectorAll('#webchat .webchat__basic-transcript__activity'));
  }
  function fromUser(element) { return !!element.querySelector('.webchat__stacked-layout--from-user, .webchat__bubble--from-user'); }

  /**
   * Only the buttons of the bot's latest reply work (every message it sent since the user last wrote:
   * a side answer and the reminder after it are one reply), and only until one of them is used.
   */
  function disableStaleButtons() {
    var elements = activityElements();
    var latest = [];
    for (var i = elements.length - 1; i >= 0 && !fromUser(elements[i]); i--) latest.push(elements[i]);
    var inLatest = function (card) { return latest.some(function (element) { return element.contains(card); }); };
    Array.prototype.forEach.call(document.querySelectorAll('#webchat .ac-adaptiveCard'), function (card) {
      var stale = card.getAttribute('data-used') === 'true' || !inLatest(card);
      Array.prototype.forEach.call(card.querySelectorAll('button, .ac-pushButton'), function (button) {
        if (button.classList.contains('lhb-copy')) return;
        if (stale && !button.disabled) {
          button.disabled = true;
          button.setAttribute('aria-disabled', 'true');
          button.title = 'Older message: use the newest one, or type your answer.';
          button.classList.add('lhb-stale');
        }
      });
    });
  }

  function copyText(text, button) {
    var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { button.textContent = 'Select and copy'; });
  }
  function addCopyButton(element, text) {
    if (element.getAttribute('data-copy') === 'true') return;
    element.setAttribute('data-copy', 'true');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'lhb-copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy command: ' + text.slice(0, 80));
    button.addEventListener('click', function (event) { event.preventDefault(); event.stopPropagation(); copyText(text, button); });
    element.insertAdjacentElement('afterend', button);
  }
  /** Commands (code blocks, monospace card lines) get a Copy button. */
  function addCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('#webchat pre'), function (pre) { addCopyButton(pre, pre.textContent.trim()); });
    Array.prototype.forEach.call(document.querySelectorAll('#webchat .ac-textBlock'), function (block) {
      if (block.getAttribute('data-copy') === 'true') return;
      if (/monospace|consolas|courier/i.test(getComputedStyle(block).fontFamily) && block.textContent.trim()) addCopyButton(block, block.textContent.trim());
    });
  }
  /** Links open in a new tab, away from the chat. */
  function fixLinks() {
    Array.prototype.forEach.call(document.querySelectorAll('#webchat a[href]'), function (link) {
      if (!/^https?:/i.test(link.getAttribute('href'))) return;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    });
  }

  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; disableStaleButtons(); addCopyButtons(); fixLinks(); });
  }).observe(document.getElementById('webchat'), { childList: true, subtree: true });

  // --- Start ---------------------------------------------------------------------------------------

  function render(session) {
    session.expired = function () {
      showBanner('This conversation has expired. Start a new one to go on.', newConversation);
    };
    var directLine = createPollingDirectLine(session, save);
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: session.userId,
      username: 'You',
      locale: navigator.language || 'en-US',
      cardActionMiddleware: cardActionMiddleware,
      styleOptions: {
        accent: '#464eb8',
        botAvatarInitials: 'HD',
        userAvatarInitials: 'You',
        hideUploadButton: true,
        bubbleMaxWidth: 720,
        bubbleFromUserBackground: '#e8ebfa',
        suggestedActionLayout: 'flow',
        sendTimeout: 20000
      }
    }, document.getElementById('webchat'));
    document.querySelector('#webchat input, #webchat textarea') && document.querySelector('#webchat input, #webchat textarea').focus();
  }

  function begin() {
    obtainSession().then(function (session) {
      hideBanner();
      render(session);
    }, function () {
      showBanner('The helpdesk bot cannot be reached right now.', function () { hideBanner(); begin(); });
    });
  }
  begin();
})();
