/** Sign out (a plain form: no script needed); back to `next` afterwards. */
export function SignOut({ next }: { next: string }) {
  return (
    <form method="post" action="/editor/session" className="sign-out">
      <input type="hidden" name="action" value="sign-out" />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className="link-button">
        退出登录
      </button>
    </form>
  );
}
