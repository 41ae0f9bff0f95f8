// Loaded before dist/webview.js in the benchmark page: stands in for VS Code (acquireVsCodeApi) and for the
// extension host's side of src/shared/protocol.ts. The saved view state asks for 1,000 rows (as a restored view
// would), and every `list` request is answered with all remaining results at once, whatever `count` it asked,
// so the page receives 1,000 results in one message. Timing marks go to window.__bench.
(function () {
  'use strict';
  var N = 1000;
  var now = Date.now();
  var pad = function (i) { return String(i).padStart(4, '0'); };
  var items = [];
  for (var i = 0; i < N; i++) {
    items.push({
      kind: 'model', id: 'bench-org/bench-model-' + pad(i), author: 'bench-org', label: 'text-classification',
      downloads: 5000000 - i * 4999, likes: 20000 - i * 7, updatedAt: now - i * 3600 * 1000,
      gated: i % 17 === 0, private: false, hardware: '', stage: '',
    });
  }
  var state = {
    tab: 'models', text: '', sort: 'trending',
    modelFilters: { task: '', library: '', language: '', inferenceProviders: false },
    datasetFilters: { task: '', language: '', size: '' },
    spaceFilters: { sdk: '', hardware: '', runningOnly: false },
    scrollTop: 0, loadedCount: N, selected: null,
  };
  var bench = (window.__bench = { marker: 'bench-model-0000', requests: [], listPostedAt: undefined, listItems: 0, errors: [], longTasks: [] });
  // The harness's own work must stay out of the measured window: the list reply is held until the page asked
  // for it and went idle (`ready`), and the harness has finished its own set-up in the page; `release()` posts
  // it and resolves with the marks once the page is interactive (awaited, not polled).
  var sendList;
  var markReady;
  var markInteractive;
  bench.ready = new Promise(function (resolve) { markReady = resolve; });
  var interactive = new Promise(function (resolve) { markInteractive = resolve; });
  bench.release = function () {
    if (!sendList) throw new Error('the view has not asked for the list yet');
    sendList();
    return interactive;
  };
  window.addEventListener('error', function (e) { bench.errors.push(String(e.message)); });

  function result(msg) {
    switch (msg.type) {
      case 'init': return { signedIn: true, hubUrl: 'https://huggingface.co', savedState: state };
      case 'list': {
        var page = items.slice(msg.offset);
        return { items: page, offset: msg.offset, loaded: msg.offset + page.length, done: true, scanned: msg.offset + page.length };
      }
      case 'spaceRuntime': return { runtime: null };
      case 'insertSnippet': return { inserted: false, language: '' };
      case 'signIn': return { signedIn: true };
      default: return {};
    }
  }

  // Registered before the bundle's own listener, so it sees the list reply first: when the page got it.
  window.addEventListener('message', function (e) {
    if (e.data && e.data.method === 'list' && bench.listReceivedAt === undefined) bench.listReceivedAt = performance.now();
  });

  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (msg) {
        bench.requests.push(msg && msg.type);
        var send = function () {
          var reply = { type: 'reply', seq: msg.seq, method: msg.type, ok: true, result: result(msg) };
          if (msg.type === 'list') {
            bench.listItems = reply.result.items.length;
            bench.listPostedAt = performance.now();
          }
          window.postMessage(reply, '*');
        };
        // Answered in a later task, like a reply crossing from the extension host. Search results come back
        // from the network after the view has drawn itself: the list reply waits for release() (see above),
        // so the measurement is the results' own cost, not the view's start-up.
        if (msg.type === 'list' && !sendList) {
          sendList = send;
          requestIdleCallback(function () { markReady(true); }, { timeout: 2000 });
        } else {
          setTimeout(send, 0);
        }
      },
      getState: function () { return state; },
      setState: function (s) { state = s; },
    };
  };

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { bench.longTasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* longtask entries are not supported everywhere */ }

  // Time to interactive: the first frame in which the first result is in the DOM, then the first task after
  // that frame painted (the main thread is free to take input).
  function watch() {
    if (bench.listPostedAt !== undefined && document.body && (document.body.textContent || '').indexOf(bench.marker) >= 0) {
      bench.renderedAt = performance.now();
      setTimeout(function () {
        bench.interactiveAt = performance.now();
        markInteractive(true);
      }, 0);
      return;
    }
    requestAnimationFrame(watch);
  }
  requestAnimationFrame(watch);
})();
