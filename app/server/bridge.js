// Folio browser mode: gives the page the same window.go and window.runtime
// objects that the desktop webview gets from Wails, backed by HTTP calls and
// server-sent events on the loopback server that served this page.
(function () {
  'use strict';

  async function call(method, args) {
    const res = await fetch('/folio/call/' + encodeURIComponent(method), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Folio-Call': '1' },
      body: JSON.stringify(args),
    });
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    if (!res.ok) {
      // Wails rejects with the Go error's message; so do we.
      throw (body && body.error) || ('Folio could not complete the action (HTTP ' + res.status + ')');
    }
    return body;
  }

  const app = new Proxy({}, {
    get(_, method) {
      return (...args) => call(String(method), args);
    },
  });
  window.go = { app: { App: app } };

  const listeners = new Map(); // name -> Set of {cb, remaining}
  let source = null;
  function connect() {
    if (source) return;
    source = new EventSource('/folio/events');
    source.onmessage = (msg) => {
      let ev;
      try { ev = JSON.parse(msg.data); } catch (e) { return; }
      const set = listeners.get(ev.name);
      if (!set) return;
      for (const l of [...set]) {
        if (l.remaining > 0 && --l.remaining === 0) set.delete(l);
        try { l.cb(ev.data); } catch (e) { console.error(e); }
      }
    };
  }

  function on(name, cb, max) {
    connect();
    if (!listeners.has(name)) listeners.set(name, new Set());
    const l = { cb, remaining: max };
    listeners.get(name).add(l);
    return () => listeners.get(name) && listeners.get(name).delete(l);
  }

  const noop = () => {};
  window.runtime = {
    EventsOnMultiple: on,
    EventsOn: (name, cb) => on(name, cb, -1),
    EventsOnce: (name, cb) => on(name, cb, 1),
    EventsOff: (...names) => names.forEach((n) => listeners.delete(n)),
    EventsOffAll: () => listeners.clear(),
    EventsEmit: noop,
    LogPrint: noop, LogTrace: noop, LogDebug: noop, LogInfo: noop,
    LogWarning: noop, LogError: noop, LogFatal: noop,
    BrowserOpenURL: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
    OnFileDrop: noop,
    OnFileDropOff: noop,
    CanResolveFilePaths: () => false,
    WindowSetTitle: (t) => { document.title = t; },
    WindowSetLightTheme: noop, WindowSetDarkTheme: noop, WindowSetSystemDefaultTheme: noop,
    Environment: async () => ({ buildType: 'browser', platform: 'browser', arch: '' }),
    Quit: noop, Hide: noop, Show: noop,
  };
  window.folioBrowserMode = true;
})();
