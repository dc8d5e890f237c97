/** The product version, kept in step with package.json by a test. */
export const IOTCHECK_VERSION = '0.1.0';
