import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export interface ConsoleConfig {
  authority: string;
  clientId: string;
}

/** Where the app was when the sign-in started: restored after Keycloak sends the browser back. */
interface SignInState {
  returnTo: string;
}

/**
 * Sign-in with Keycloak: authorization code with PKCE (oidc-client-ts makes the verifier and the S256
 * challenge), tokens in sessionStorage (gone with the tab), renewed with the refresh token before they expire.
 */
export class Auth {
  readonly manager: UserManager;

  constructor(config: ConsoleConfig, origin = window.location.origin) {
    this.manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: `${origin}/signed-in`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid',
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }

  /** The signed-in user with a token still valid, or undefined. */
  async current(): Promise<User | undefined> {
    const user = await this.manager.getUser();
    return user && !user.expired ? user : undefined;
  }

  private callback?: Promise<string>;

  /**
   * Finishes the redirect back from Keycloak; answers the path to go back to. Once per page: the code can be
   * exchanged only once, and a second exchange would fail and lose the path.
   */
  completeSignIn(): Promise<string> {
    return (this.callback ??= this.manager
      .signinRedirectCallback()
      .then((user) => (user.state as SignInState | undefined)?.returnTo ?? '/'));
  }

  signIn(returnTo = window.location.pathname + window.location.search): Promise<void> {
    return this.manager.signinRedirect({ state: { returnTo } satisfies SignInState });
  }

  signOut(): Promise<void> {
    return this.manager.signoutRedirect();
  }
}
