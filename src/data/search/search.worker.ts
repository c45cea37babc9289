import { createSearchWorkerHandler } from './search-worker-handler.ts';

// The search worker: loads the index off the main thread and answers queries (see search-protocol.ts).
const handle = createSearchWorkerHandler((message) => self.postMessage(message));
self.addEventListener('message', (event: MessageEvent<unknown>) => void handle(event.data));
