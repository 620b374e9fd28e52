/**
 * The benchmark's baselines: one path answered with a constant body, by a minimal Express app
 * (KIND=express) or by Node's bare http server (KIND=node), the ceiling for sending those bytes.
 */
import fs from 'node:fs';
import http from 'node:http';
import express from 'express';

const body = fs.readFileSync(process.env.BODY_FILE as string);
const servePath = process.env.SERVE_PATH as string;
const contentType = process.env.CONTENT_TYPE as string;
const port = Number(process.env.PORT);
const ready = () => process.send?.('ready');

if (process.env.KIND === 'node') {
  http
    .createServer((req, res) => {
      if (req.url !== servePath) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    })
    .listen(port, '127.0.0.1', ready);
} else {
  const app = express();
  app.get(servePath, (_req, res) => {
    res.type(contentType).send(body);
  });
  app.listen(port, '127.0.0.1', ready);
}
