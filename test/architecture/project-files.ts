import path from 'node:path';
import type { SourceFile } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

/**
 * What `inspect` finds in each of `files` (absolute paths in the project of `tsconfig`), each file parsed
 * once by TypeScript's own API; `root` is the project's folder, for paths in reports.
 *
 * @example inEachFile('/repo/tsconfig.web.json', files, (file, root) => findInFile(file, root))
 */
export function inEachFile<T>(
  tsconfig: string,
  files: readonly string[],
  inspect: (file: SourceFile, root: string) => T[],
): T[] {
  const root = path.dirname(tsconfig);
  const api = new API({ cwd: root });
  try {
    const project = api.updateSnapshot({ openProjects: [tsconfig] }).getProjects()[0];
    if (!project) throw new Error(`TypeScript opened no project for ${tsconfig}`);
    return files.flatMap((name) => {
      const file = project.program.getSourceFile(name);
      if (!file) throw new Error(`${name} is not in the project of ${tsconfig}`);
      return inspect(file, root);
    });
  } finally {
    api.close();
  }
}
