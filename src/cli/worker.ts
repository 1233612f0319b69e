// Batch worker thread (issue 5).
export {};
