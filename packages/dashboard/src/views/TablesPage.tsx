import { Layout, type PageFrame } from "./Layout";

/** The dashboard's home: every table with its row count. */
export function TablesPage(props: { frame: PageFrame; tables: readonly { name: string; count: number }[] }) {
  const { frame } = props;
  return (
    <Layout frame={frame}>
      <h1>Tables</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Rows</th>
          </tr>
        </thead>
        <tbody>
          {props.tables.map((table) => (
            <tr>
              <td>
                <a href={`${frame.base}/tables/${table.name}`}>{table.name}</a>
              </td>
              <td>{table.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Users are managed under <a href={`${frame.base}/users`}>Users</a>.
      </p>
    </Layout>
  );
}
