// @ts-check
/**
 * The page's first script (a classic script in <head>, a few hundred bytes, not bundled): starts
 * the requests the first screen needs while the app's code downloads, and leaves them in
 * `window.__marginaliaEarlyRequests` for the API client (src/lib/early-requests.ts), which uses
 * each answer once. Without it, a cold load asks for the session, the workspace and the document
 * only after every script has been fetched and run: about a second later on a 2-core machine.
 *
 * Paths are written exactly as the features' api modules write them (relative to /api), or the
 * early answer is simply not used and the screen asks again.
 */
(function startEarlyRequests() {
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  var parts = window.location.pathname.split('/');
  var paths = ['/auth/session'];
  if (parts[1] === 'w' && UUID.test(parts[2] || '')) {
    var workspace = '/workspaces/' + parts[2];
    paths.push(workspace);
    if (parts[3] === 'corpus' && UUID.test(parts[4] || '')) paths.push(workspace + '/documents/' + parts[4]);
    if (parts[3] === 'maps' && UUID.test(parts[4] || '')) paths.push(workspace + '/maps/' + parts[4]);
  }
  var started = new Map();
  paths.forEach(function (path) {
    var response = fetch('/api' + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    // A failure is the API client's to report when it takes the answer, never an unhandled rejection here.
    response.catch(function () {});
    started.set(path, { startedAt: performance.now(), response: response });
  });
  window.__marginaliaEarlyRequests = started;
})();
