// Registers the service worker (sw.js, beside index.html, so it works under any sub-path) and
// offers a new version when one is waiting: a banner `#update-banner[data-update-available]`
// with a Reload button, which activates the waiting worker and reloads once it controls the
// page. A waiting worker of the build the page already runs (a reload fetched the new page
// from the network) is no news: no banner; it takes over when the old build's tabs are gone.
// Either way a load never mixes builds: online every worker serves the page from the network
// and hashed files by their content-addressed names; offline each serves only its own build.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  var sw = navigator.serviceWorker;
  var meta = document.querySelector('meta[name="asa-planner-build"]');
  var pageBuild = meta ? meta.content : '';
  var reloadAsked = false;

  sw.addEventListener('controllerchange', function () {
    if (reloadAsked) window.location.reload();
  });

  /** Asks a worker for its build id (its cache name). */
  function buildOf(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      worker.postMessage({ type: 'BUILD' }, [channel.port2]);
    });
  }

  function offer(worker) {
    buildOf(worker).then(function (build) {
      if (build !== pageBuild) showBanner(worker);
    });
  }

  function showBanner(worker) {
    if (document.getElementById('update-banner')) return;
    var banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.setAttribute('data-update-available', '');
    var text = document.createElement('span');
    text.textContent = 'A new version of this planner is available.';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () {
      button.disabled = true;
      reloadAsked = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  function follow(worker) {
    worker.addEventListener('statechange', function () {
      // Without a controller this is the first install: it activates on its own.
      if (worker.state === 'installed' && sw.controller) offer(worker);
    });
  }

  function watch(registration) {
    if (registration.waiting && sw.controller) offer(registration.waiting);
    if (registration.installing) follow(registration.installing);
    registration.addEventListener('updatefound', function () {
      if (registration.installing) follow(registration.installing);
    });
    // A tab left open learns of a redeploy when it is shown again, and hourly.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') registration.update().catch(function () {});
    });
    setInterval(function () { registration.update().catch(function () {}); }, 60 * 60 * 1000);
  }

  // Registered once the app has started and its first render is on screen: on a first visit the
  // worker's install fetches the whole build, and even the register() call costs the main
  // thread a few ms. The window's `load` comes too early for that: it fires while the wasm is
  // still compiling. Trunk's loader (an inline module, run before this deferred script but
  // awaiting the wasm) sets `window.wasmBindings` just before it fires TrunkApplicationStarted.
  // When this script's own fetch is the slower one, the event has fired already: the bindings
  // say so, and registration still happens, once.
  // register() does not look for a new sw.js when one is registered already, and the
  // browser's own check after a navigation comes late: look now, on every load.
  function register() {
    sw.register('./sw.js', { updateViaCache: 'none' }).then(
      function (registration) {
        watch(registration);
        registration.update().catch(function () {});
      },
      function (error) {
        console.error('offline support unavailable: service worker registration failed:', error);
      },
    );
  }
  function afterPaint() {
    requestAnimationFrame(function () { setTimeout(register); });
  }
  if (self.wasmBindings) afterPaint();
  else window.addEventListener('TrunkApplicationStarted', afterPaint, { once: true });
})();
