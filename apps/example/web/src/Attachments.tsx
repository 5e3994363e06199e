import { useMutation } from "@appflare/react";
import { type ChangeEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";
import { Preview } from "./Preview";

interface Props {
  readonly taskId: number;
  readonly attachments: readonly {
    readonly id: string;
    readonly path: string;
    readonly size: number;
    readonly contentType: string | null;
  }[];
}

/** The file's name as uploaded: the key is `.../<uuid>-<name>`. */
const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/^[0-9a-f-]{36}-/, "");

/**
 * A task's files. Uploading asks the server for a key under the task's folder, streams the file there
 * with progress, then records it; images are previewed.
 */
export function Attachments({ taskId, attachments }: Props) {
  const record = useMutation(appflare.mutations.attachments.add);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const key = await appflare.queries.attachments.uploadPath.run({ taskId, fileName: file.name });
      if (key.error) throw key.error;
      const put = await appflare.storage.upload({
        path: key.data.path,
        body: file,
        contentType: file.type || "application/octet-stream",
        onProgress: ({ loaded, total }) => setProgress(total ? loaded / total : 0),
      });
      if (put.error) throw put.error;
      await record.mutateAsync({ taskId, path: key.data.path });
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setProgress(null);
      input.value = "";
    }
  };

  return (
    <section>
      <h3>Attachments</h3>
      <ul className="attachments">
        {attachments.map((file) => (
          <li key={file.id}>
            {file.contentType?.startsWith("image/") && <Preview path={file.path} alt={fileName(file.path)} />}
            <span>
              {fileName(file.path)} <span className="muted">{Math.ceil(file.size / 1024)} KB</span>
            </span>
          </li>
        ))}
      </ul>
      <label className="upload">
        Attach a file
        <input type="file" aria-label="Attach a file" onChange={upload} disabled={progress !== null} />
      </label>
      {progress !== null && <progress aria-label="Upload progress" value={progress} max={1} />}
      <ErrorText error={error} />
    </section>
  );
}
