import { loadCsafValidator } from '../integrations/feeds/csaf/validate-csaf';

// Servers and the CLI load the CSAF validator at their first CSAF document; compiling its schemas
// takes seconds of CPU. In a test worker that happens here, once (the worker keeps its modules),
// while a file loads, and not inside whichever test validates first, against its timeout.
await loadCsafValidator();
