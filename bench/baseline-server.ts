/** The benchmark's baseline: a minimal Express app answering one path with a constant body. */
import fs from 'node:fs';
import express from 'express';

const body = fs.readFileSync(process.env.BODY_FILE as string, 'utf8');
const app = express();
app.get(process.env.SERVE_PATH as string, (_req, res) => {
  res.type(process.env.CONTENT_TYPE as string).send(body);
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
