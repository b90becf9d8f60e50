// One analysis thread: reads a file's bytes (any format), normalises,
// segments and (unless the job leaves that to the writing thread) extracts
// it, and sends back the documents to store. Each
// thread loads its own jieba dictionary (nodejieba keeps one per thread).
import { parentPort } from 'node:worker_threads';
import { readDocumentText } from '../normalize/formats/index.js';
import { analyzeText, segmentText } from '../pipeline.js';
import { jiebaSegmenter } from '../segment/index.js';
import type { AnalysisJob, AnalysisReply } from './pool.js';

const port = parentPort;
if (!port) throw new Error('analysis worker started outside a worker thread');
const segmenter = jiebaSegmenter();

// Jobs run one after another in the order sent, also when reading a format
// awaits: the pool counts on it to know which file a dead thread was on.
let previous: Promise<void> = Promise.resolve();
port.on('message', (job: AnalysisJob) => {
  previous = previous.then(() =>
    readDocumentText(job.file, job.bytes)
      .then((read): AnalysisReply =>
        job.extract
          ? { id: job.id, encoding: read.encoding, extracted: true, docs: analyzeText(read.text, segmenter) }
          : { id: job.id, encoding: read.encoding, extracted: false, docs: segmentText(read.text, segmenter) },
      )
      .catch((e: unknown): AnalysisReply => ({ id: job.id, error: e instanceof Error ? e.message : String(e) }))
      .then((reply) => port.postMessage(reply)),
  );
});
