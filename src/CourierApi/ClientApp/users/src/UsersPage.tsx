import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { $api, api, type Schemas } from "../../shared/api/client";
import { useMe } from "../../shared/auth/session";
import { AppShell } from "../../shared/ui/AppShell";
import { Button } from "../../shared/ui/Button";
import styles from "./UsersPage.module.css";

type User = Schemas["UserView"];
type Depot = Schemas["DepotResponse"];
const roles = ["dispatcher", "analyst", "administrator"] as const;

/** Problem details → one line per field (or the detail). */
async function problemText(response: Response): Promise<string> {
  const body = (await response.clone().json().catch(() => null)) as { detail?: string; errors?: Record<string, string[]> } | null;
  const fields = Object.entries(body?.errors ?? {}).map(([field, reasons]) => `${field}: ${reasons.join("; ")}`);
  return fields.length > 0 ? fields.join(" · ") : body?.detail ?? String(response.status);
}

/** Administrators: users, their role and depots; create, change, reset password, disable. */
export function UsersPage() {
  const { t } = useTranslation("users");
  const me = useMe();
  const admin = me.data?.role === "administrator";
  const users = $api.useQuery("get", "/api/v1/users", {}, { enabled: admin });
  const depots = $api.useQuery("get", "/api/v1/depots", {}, { enabled: admin });
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: () => Promise<{ response: Response }>, done: string) {
    const { response } = await action();
    setMessage(response.ok ? done : t("failed", { reason: await problemText(response) }));
    if (response.ok) await users.refetch();
    return response.ok;
  }

  return (
    <AppShell user={me.data}>
      <main className={styles.page}>
        <h1>{t("title")}</h1>
        {me.data && !admin && <p role="alert">{t("onlyAdmins")}</p>}
        {message && <p className={styles.message} role="status">{message}</p>}
        {admin && depots.data && (
          <>
            <table className={styles.table}>
              <thead><tr><th>{t("userName")}</th><th>{t("displayName")}</th><th>{t("role")}</th><th>{t("depots")}</th><th>{t("status")}</th><th>{t("actions")}</th></tr></thead>
              <tbody>
                {(users.data ?? []).map((u) => <UserRow key={u.id} user={u} depots={depots.data} run={run} />)}
              </tbody>
            </table>
            <CreateUser depots={depots.data} run={run} />
          </>
        )}
      </main>
    </AppShell>
  );
}

type Run = (action: () => Promise<{ response: Response }>, done: string) => Promise<boolean>;

function DepotPicker({ depots, all, ids, onChange }: { depots: Depot[]; all: boolean; ids: number[]; onChange: (all: boolean, ids: number[]) => void }) {
  const { t } = useTranslation("users");
  return (
    <fieldset className={styles.depots}>
      <legend className="visually-hidden">{t("depots")}</legend>
      <label><input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked, ids)} /> {t("allDepots")}</label>
      {!all && depots.map((d) => (
        <label key={d.id}>
          <input type="checkbox" checked={ids.includes(d.id)}
            onChange={(e) => onChange(false, e.target.checked ? [...ids, d.id] : ids.filter((x) => x !== d.id))} /> {d.name} ({d.code})
        </label>
      ))}
    </fieldset>
  );
}

function UserRow({ user, depots, run }: { user: User; depots: Depot[]; run: Run }) {
  const { t } = useTranslation("users");
  const [role, setRole] = useState(user.role);
  const [all, setAll] = useState(user.allDepots);
  const [ids, setIds] = useState<number[]>([...user.depotIds]);
  const [password, setPassword] = useState("");
  const path = { params: { path: { userId: user.id } } };
  const names = user.allDepots ? t("allDepots") : depots.filter((d) => user.depotIds.includes(d.id)).map((d) => d.name).join(", ");
  return (
    <tr>
      <td>{user.userName}{user.demo && <span className={styles.tag}>{t("demo")}</span>}</td>
      <td>{user.displayName}</td>
      <td>
        <select aria-label={t("roleOf", { user: user.userName })} value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </td>
      <td>
        <div className={styles.current}>{names || "—"}</div>
        <DepotPicker depots={depots} all={all} ids={ids} onChange={(a, i) => { setAll(a); setIds(i); }} />
      </td>
      <td>{user.disabledAt ? t("disabled") : t("active")}</td>
      <td className={styles.actions}>
        <Button small variant="primary" onClick={() => void run(() => api.PUT("/api/v1/users/{userId}", { ...path,
          body: { displayName: user.displayName, role, allDepots: all, depotIds: ids } }), t("saved", { user: user.userName }))}>{t("save")}</Button>
        {user.disabledAt
          ? <Button small onClick={() => void run(() => api.POST("/api/v1/users/{userId}/enable", path), t("enabled", { user: user.userName }))}>{t("enable")}</Button>
          : <Button small variant="danger" onClick={() => void run(() => api.POST("/api/v1/users/{userId}/disable", path), t("wasDisabled", { user: user.userName }))}>{t("disable")}</Button>}
        <input type="password" aria-label={t("newPasswordOf", { user: user.userName })} placeholder={t("newPassword")} value={password}
          autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        <Button small disabled={password.length === 0} onClick={() => void run(() => api.POST("/api/v1/users/{userId}/password", { ...path, body: { password } }),
          t("passwordReset", { user: user.userName })).then((ok) => ok && setPassword(""))}>{t("resetPassword")}</Button>
      </td>
    </tr>
  );
}

function CreateUser({ depots, run }: { depots: Depot[]; run: Run }) {
  const { t } = useTranslation("users");
  const [form, setForm] = useState({ userName: "", displayName: "", role: "dispatcher", password: "", allDepots: false, depotIds: [] as number[] });
  const field = (name: "userName" | "displayName" | "password") => ({
    value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => api.POST("/api/v1/users", { body: form }), t("created", { user: form.userName }))) {
      setForm({ ...form, userName: "", displayName: "", password: "" });
    }
  }
  return (
    <form className={styles.create} onSubmit={(e) => void submit(e)} aria-labelledby="create-title">
      <h2 id="create-title">{t("create")}</h2>
      <label>{t("userName")} <input required autoComplete="off" {...field("userName")} /></label>
      <label>{t("displayName")} <input required {...field("displayName")} /></label>
      <label>{t("role")}
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
          {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </label>
      <label>{t("password")} <input required type="password" autoComplete="new-password" {...field("password")} /></label>
      <DepotPicker depots={depots} all={form.allDepots} ids={form.depotIds} onChange={(allDepots, depotIds) => setForm({ ...form, allDepots, depotIds })} />
      <Button type="submit" variant="primary">{t("createSubmit")}</Button>
    </form>
  );
}
