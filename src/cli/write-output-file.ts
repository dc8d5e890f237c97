/** Every `-o FILE` the CLI writes goes through a temporary file and a rename (see writeFileAtomically). */
export { writeFileAtomically as writeOutputFile } from '../integrations/files/write-file-atomically';
