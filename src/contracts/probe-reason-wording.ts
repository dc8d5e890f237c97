import {
  PROBE_REASON_WORDING_EN,
  sayReasons,
  type ProbeReason,
  type ProbeReasonCode,
  type ProbeReasonWording,
} from '../core/probes/probe-reason';

/** The languages a probe reason is said in. */
export type ProbeReasonLanguage = 'ja' | 'en';

/** The engine's reason codes in Japanese; the type makes a missing code a compile error. */
const PROBE_REASON_TEXTS_JA: Record<ProbeReasonCode, string> = {
  cancelled: '取り消されました',
  connection_refused: '接続を拒否されました',
  no_answer_within: '{{ms}}ミリ秒以内に応答がありません',
  connect_timed_out: '接続がタイムアウトしました',
  network_error: 'ネットワークエラー（{{error}}）',
  tls_handshake_timeout: '{{ms}}ミリ秒以内にTLSハンドシェイクが完了しません',
  tls_handshake_failed: 'TLSハンドシェイクに失敗しました（{{error}}）',
  timed_out: 'タイムアウト',
  closed_by_peer: '相手が接続を閉じました',
  unexpected_answer: 'このプロトコルの応答ではありません',
  host_unresolved: 'ホスト名を解決できなかったため、何も送信していません',
  no_port_answered: 'どのポートも応答しませんでした',
  port_filtered: 'フィルタされています',
  port_unreachable: '到達できません',
  reachable_from_outside: '外部の検査地点から到達できます',
  port_open_unjudged: '開いています。想定ポートの一覧がないため判定できません',
  port_unexpected: '開いていますが、想定ポートに含まれていません',
  udp_not_checked: 'UDPのサービス（BACnet/IP）です。TCP接続スキャンでは確認できないため検査していません',
  default_credential_accepted: 'ユーザー{{user}}の初期パスワードでログインできました',
  attempts_not_judged: '{{tried}}回の試行のうち{{count}}回は成否を判定できませんでした',
  attempts_cancelled: 'すべての試行を終える前に取り消されました',
  http_no_answer: 'HTTPの応答がありません',
  http_basic_in_clear: '暗号化されていないHTTPでBasic認証を求めています（パスワードが平文で流れます）',
  http_status_after_login: 'ログイン後の応答がHTTP {{status}}でした',
  http_form_in_clear: '暗号化されていないHTTPでログインフォームを表示しています（パスワードが平文で流れます）',
  http_form_no_session: 'ログインフォームは消えましたが、セッションのCookieが設定されませんでした',
  http_form_control_accepted: '架空のアカウントでもログインできたことになり、成功と失敗を区別できません',
  http_form_page_lost: '試行の前にログインフォームを読み直せませんでした',
  mqtt_no_connack: 'CONNACKが返りません',
  mqtt_anonymous_accepted: 'ブローカーが匿名クライアントを受け入れます',
  mqtt_connack_code: 'CONNACKのリターンコードが{{code}}でした',
  ssh_no_identification: 'SSHの識別文字列が返りません',
  ssh_no_kexinit: 'サーバーからSSH_MSG_KEXINITが返りません',
  ssh_kexinit_unreadable: '最初のSSHパケットがKEXINITとして読めません',
  ssh_protocol_1_only: 'SSHプロトコル1のみに対応しています',
  ssh_also_protocol_1: 'SSHプロトコル1にも対応しています',
  ssh_weak_algorithms: '弱いアルゴリズムを提示しています: {{algorithms}}',
  ssh_error: 'SSHのエラー: {{message}}',
  telnet_not_telnet: 'ポートは開いていますが、Telnetのオプション交渉もログインプロンプトもありません',
  telnet_login_offered: 'Telnetでログインできる状態です（平文のリモートログイン）',
  telnet_answers: 'Telnetサービスが応答します（平文のプロトコル）',
  telnet_no_login_prompt: 'ログインプロンプトが出ません',
  telnet_no_password_prompt: 'ユーザー名の後にパスワードのプロンプトが出ません',
  telnet_no_answer_after_password: 'パスワードの後の応答を判別できません',
  tls_no_handshake: 'どのTLSバージョンでもハンドシェイクが完了しません',
  tls_accepts_old: '{{versions}}を受け付けます',
  tls_weak_key: '{{keyType}}鍵が{{bits}}ビットです',
  tls_expired: '証明書の有効期限が{{date}}に切れています',
  tls_not_yet_valid: '証明書は{{date}}より前には有効ではありません',
  tls_self_signed: '自己署名証明書です',
  target_not_an_address: '「{{value}}」はIPv4またはIPv6のアドレスではありません',
  target_bad_prefix: 'プレフィックス長は0～{{bits}}の数値で指定してください',
  target_too_large: '{{size}}個のアドレスを含みます。1つの指定で含められるのは{{max}}個までです',
  target_cidr_too_large: '{{size}}個のアドレスを含みます。1つの指定で含められるのは{{max}}個（/{{prefix}}）までです',
  target_host_bits: 'ホスト部のビットが立っています。ネットワークは{{network}}です',
  target_mixed_families: '範囲の両端は同じIPバージョンにしてください',
  target_range_reversed: '範囲の終わりが始まりより前です',
  target_unreadable: 'IPアドレス、CIDR、アドレス範囲、ホスト名のいずれでもありません',
  target_bad_ip: '正しいIPアドレスではありません',
  target_outside_scope: '検査範囲の外です: {{addresses}}',
  target_outside_scope_many: '検査範囲の外です: {{count}}個のアドレス（{{first}} … {{last}}）',
  target_name_outside_scope: '{{name}}は検査範囲で宣言されておらず、範囲外のアドレス（{{addresses}}）に解決されます',
};

/**
 * The one table of probe reasons in both languages, shared by the web dictionaries
 * (`probes.reasons`) and the CLI. English is core's text, the one stored rows keep.
 */
export const PROBE_REASON_WORDING: Readonly<Record<ProbeReasonLanguage, ProbeReasonWording>> = {
  ja: { texts: PROBE_REASON_TEXTS_JA, separator: '／', withCause: '{{reason}}（{{cause}}）' },
  en: PROBE_REASON_WORDING_EN,
};

/**
 * An observation's reason in the language asked for: by its codes, or by the stored English text
 * when it has none (rows kept before reasons had codes) or a code this build does not know.
 */
export function sayObservationReason(
  observation: { readonly reason?: string | null; readonly reasonCodes?: readonly ProbeReason[] | null },
  language: ProbeReasonLanguage,
): string {
  const wording = PROBE_REASON_WORDING[language];
  const codes = observation.reasonCodes ?? [];
  const known = (reasons: readonly ProbeReason[]): boolean =>
    reasons.every((reason) => Object.hasOwn(wording.texts, reason.code) && known(reason.causes ?? []));
  return codes.length > 0 && known(codes) ? sayReasons(codes, wording) : (observation.reason ?? '');
}
