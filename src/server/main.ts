// Entry point of dist/server.js: the process the desktop VS Code client starts, and the module
// `alliance-cite lsp --stdio` loads (so the CLI bundle itself stays small).
import { startNodeServer } from './node';

export { startNodeServer };

if (require.main === module) startNodeServer();
