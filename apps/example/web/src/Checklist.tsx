import { useMutation } from "@appflare/react";
import { type FormEvent, useState } from "react";
import { appflare } from "./appflare";
import { ErrorText } from "./ErrorText";

interface Props {
  readonly taskId: number;
  readonly items: readonly { readonly text: string; readonly done: boolean }[];
}

/** A task's checklist (one item per text); ticking or adding an item shows at once (optimistic) and is rolled back on error. */
export function Checklist({ taskId, items }: Props) {
  const route = appflare.queries.tasks.get;
  const save = useMutation(appflare.mutations.tasks.setChecklist, {
    optimistic: ({ id, items: next }, cache) =>
      cache.update(route, { id }, (old) =>
        old ? { ...old, checklist: next.map((item) => ({ ...item, doneAt: null })) } : old,
      ),
  });
  const [text, setText] = useState("");
  const plain = items.map(({ text, done }) => ({ text, done }));

  const add = (event: FormEvent) => {
    event.preventDefault();
    // The text is the item's identity (the server keeps a ticked item's `doneAt` by it).
    if (plain.some((item) => item.text === text)) return;
    save.mutate({ id: taskId, items: [...plain, { text, done: false }] });
    setText("");
  };

  return (
    <section>
      <h3>Checklist</h3>
      <ul className="checklist">
        {plain.map((item, index) => (
          <li key={item.text}>
            <label>
              <input
                type="checkbox"
                checked={item.done}
                onChange={() =>
                  save.mutate({
                    id: taskId,
                    items: plain.map((it, i) => (i === index ? { ...it, done: !it.done } : it)),
                  })
                }
              />
              {item.text}
            </label>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={add}>
        <input
          aria-label="Checklist item"
          placeholder="Add an item"
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          maxLength={500}
        />
        <button type="submit">Add</button>
      </form>
      <ErrorText error={save.error} />
    </section>
  );
}
