// Integration tests wait on a real broker and database: rebalances and transaction timeouts take
// seconds. Set here (not as `testTimeout`) because per-project configs cannot set it under `projects`.
jest.setTimeout(120_000);
