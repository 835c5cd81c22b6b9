// Preloaded into the binary (NODE_OPTIONS=--import) by tests: node's resolver answers as FAKE_DNS says, and no
// name is ever looked up for real. FAKE_DNS=offline: every name fails as on a machine without network
// (getaddrinfo EAI_AGAIN). FAKE_DNS=loopback: names ending in .invalid do not exist (ENOTFOUND), every
// other name is 127.0.0.1. localhost and addresses stay as they are.
import dns from 'node:dns';
import { isIP } from 'node:net';

const mode = process.env.FAKE_DNS;
const real = dns.lookup;

function fail(hostname, code) {
  const errno = code === 'EAI_AGAIN' ? -3001 : -3008;
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, errno, syscall: 'getaddrinfo', hostname });
}

dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  const untouched = hostname === 'localhost' || isIP(hostname) !== 0 || mode === undefined;
  if (untouched) return real.call(this, hostname, options, callback);
  if (mode === 'offline' || hostname.endsWith('.invalid')) {
    process.nextTick(done, fail(hostname, mode === 'offline' ? 'EAI_AGAIN' : 'ENOTFOUND'));
  } else if (all) {
    process.nextTick(done, null, [{ address: '127.0.0.1', family: 4 }]);
  } else {
    process.nextTick(done, null, '127.0.0.1', 4);
  }
  return {};
};
