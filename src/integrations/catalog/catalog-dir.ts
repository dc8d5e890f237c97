import { join } from 'node:path';
import { INSTALL_ROOT } from '../../config/install-paths';

/** The catalog/ folder shipped with iotcheck. */
export const DEFAULT_CATALOG_DIR = join(INSTALL_ROOT, 'catalog');
