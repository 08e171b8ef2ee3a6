// The floor: read every YAML file under a folder and parse it with yaml.parse, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

let n = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.yaml')) {
      parse(readFileSync(full, 'utf8'));
      n++;
    }
  }
};
walk(process.argv[2] ?? 'claims');
console.log(`${n} files parsed`);
