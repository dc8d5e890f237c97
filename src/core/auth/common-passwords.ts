/**
 * Passwords nobody should be allowed to choose: the most common ones, and the factory defaults
 * IoT malware tries first (the username/password pairs of the Mirai botnet, a public fact list).
 * Checked after folding case; see isCommonPassword for the variants that are also refused.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  // Mirai botnet default credentials (passwords).
  '000000', '1111', '1111111', '1234', '12345', '123456', '20xbully', '54321', '666666', '7ujmko0admin',
  '7ujmko0vizxv', '888888', 'zte521', 'admin', 'anko', 'default', 'dreambox', 'guest', 'hi3518', 'ikwb',
  'jauntech', 'jvbzd', 'klv123', 'klv1234', 'meinsm', 'pass', 'password', 'realtek', 'root', 'service',
  'smcadmin', 'supervisor', 'support', 'system', 'tech', 'ubnt', 'user', 'vizxv', 'xc3511', 'xmhdipc', 'zlxx.',
  // Very common choices and their usual 12+ character forms.
  'password1', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwertyuiop', 'qwerty123', 'asdfghjkl', 'zxcvbnm',
  'letmein', 'welcome', 'welcome1', 'iloveyou', 'monkey', 'dragon', 'football', 'baseball', 'sunshine',
  'princess', 'master', 'shadow', 'superman', 'trustno1', 'abc123', 'abcdef', 'abcdefgh', 'changeme',
  'administrator', 'adminadmin', 'rootroot', 'toor', 'manager', 'operator', 'security', 'secret',
  'iotcheck', 'camera', 'router', 'internet', 'wireless', 'private', 'public', 'ubuntu', 'raspberry',
  'pi', 'oracle', 'postgres', 'mysql', 'test', 'testtest', 'demo', 'sample', 'temp', 'temporary',
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'qazwsx', 'q1w2e3r4', 'aa123456', 'password123',
  'passwordpassword', 'pass1234', 'admin123', 'admin1234', 'root123', 'guest123', 'user1234',
  'nihongo', 'nippon', 'tokyo', 'sakura', 'pokemon', 'doraemon',
];
