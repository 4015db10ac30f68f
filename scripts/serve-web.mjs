// `npm run web`: serves dist/web (built by `npm run build:web`) on http://localhost:8080
// (PORT to change it). A static file server and nothing else: the page needs no server code.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Serves `dir` on `port` (0: any free one); resolves to the server once it listens. */
export function serve(dir, port) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let found = false;
    try {
      found = statSync(file).isFile();
    } catch {
      // not there: 404 below
    }
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../dist/web', import.meta.url));
  try {
    statSync(join(dir, 'index.html'));
  } catch {
    console.error('jcsh web: dist/web is not built; run npm run build:web first');
    process.exit(1);
  }
  const server = await serve(dir, Number(process.env.PORT ?? 8080));
  console.log(`jcsh web: http://localhost:${server.address().port}/`);
}
