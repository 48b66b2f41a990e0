import { WARCParser } from 'warcio';
for (const g of ['WARC/1.1\r\nContent-Length: notanumber\r\n\r\ngarbage\r\n\r\n', 'HELLO this is junk\r\n\r\nmore junk', 'WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort']) {
  try {
    for await (const r of WARCParser.iterRecords([new TextEncoder().encode(g)])) { console.log('rec', r.warcType, r.warcContentLength); await r.readFully(); }
    console.log('no error');
  } catch (e) { console.log('error', (e as Error).message); }
}
