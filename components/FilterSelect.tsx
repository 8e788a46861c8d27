/** A filter of a list page: a labelled select whose first option (全部) sets no filter. */
export function FilterSelect({ label, name, value, options, all = "全部" }: { label: string; name: string; value: string | number | undefined; options: Array<{ value: string | number; label: string }>; all?: string | null }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value?.toString() ?? ""}>
        {all !== null && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
