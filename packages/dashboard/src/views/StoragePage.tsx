import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";

/** One object of a storage listing. */
export interface StorageItem {
  readonly key: string;
  readonly size: number;
  readonly uploaded: string;
  readonly contentType: string | undefined;
}

/** A storage "folder": sub-prefixes as links, objects with download / preview / delete, and an upload form. */
export function StoragePage(props: {
  frame: PageFrame;
  prefix: string;
  folders: readonly string[];
  objects: readonly StorageItem[];
  cursor: string | undefined;
  error?: string;
}) {
  const { frame, prefix } = props;
  const list = (p: string) => `${frame.base}/storage?prefix=${encodeURIComponent(p)}`;
  const object = (key: string) => `${frame.base}/storage/object?path=${encodeURIComponent(key)}`;
  const parent = prefix.replace(/[^/]*\/$/, "");
  return (
    <Layout frame={frame}>
      <h1>Storage: /{prefix}</h1>
      <ErrorBox message={props.error} />
      {prefix ? <a href={list(parent)}>Up</a> : null}
      {frame.readOnly ? null : (
        <form
          method="post"
          action={`${frame.base}/storage/upload`}
          enctype="multipart/form-data"
          data-upload={`${frame.base}/storage/object`}
          class="panel row"
          aria-label="Upload"
        >
          <CsrfField csrf={frame.csrf} />
          <input type="hidden" name="prefix" value={prefix} />
          <label>
            File <input type="file" name="file" required />
          </label>
          <button type="submit">Upload</button>
          <progress value={0} max={1} aria-label="Upload progress" />
        </form>
      )}
      {frame.readOnly ? null : (
        <form
          method="post"
          action={`${frame.base}/storage/folder`}
          class="panel row"
          aria-label="Create folder"
        >
          <CsrfField csrf={frame.csrf} />
          <input type="hidden" name="prefix" value={prefix} />
          <label>
            New folder <input name="name" required />
          </label>
          <button type="submit">Create folder</button>
        </form>
      )}
      <ul>
        {props.folders.map((folder) => (
          <li>
            <a href={list(folder)}>{folder.slice(prefix.length)}</a>
          </li>
        ))}
      </ul>
      <table>
        <thead>
          <tr>
            <th scope="col">Object</th>
            <th scope="col">Size</th>
            <th scope="col">Uploaded</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.objects.map((item) => (
            <tr>
              <td>
                {item.key.slice(prefix.length)}
                {item.contentType?.startsWith("image/") && item.contentType !== "image/svg+xml" ? (
                  <img class="preview" src={object(item.key)} alt={`Preview of ${item.key}`} loading="lazy" />
                ) : null}
              </td>
              <td>{item.size}</td>
              <td>{item.uploaded}</td>
              <td class="row">
                <a href={`${object(item.key)}&download=1`}>Download</a>
                {frame.readOnly ? null : (
                  <form
                    method="post"
                    action={`${frame.base}/storage/delete`}
                    data-confirm={`Delete ${item.key}?`}
                  >
                    <CsrfField csrf={frame.csrf} />
                    <input type="hidden" name="path" value={item.key} />
                    <button type="submit">Delete {item.key.slice(prefix.length)}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.cursor ? <a href={`${list(prefix)}&cursor=${encodeURIComponent(props.cursor)}`}>More</a> : null}
    </Layout>
  );
}
