/** Raw request paths that try to leave the served folder; every host must refuse each one. */
export const TRAVERSAL_PATHS = [
  '/../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/.%2e/secret.txt',
  '/assets/%2f..%2f..%2fsecret.txt',
  '/..%2fsecret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/assets\\..\\..\\secret.txt',
  '/%252e%252e/secret.txt',
  '/index.html%00.txt',
  '/index.html\u0000',
  '/./index.html',
  '/C:/Windows/win.ini',
];
