import { describe, expect, it } from 'vitest';
import { fillLoginForm, findLoginForm, hasPasswordInput } from './login-form';

describe('login forms', () => {
  it('finds the user and password fields, the action and the hidden fields of the form with a password input', () => {
    const page = `<html><form action="/search"><input name="q"></form>
      <form method=post action='cgi-bin/login.cgi?lang=en'>
        <input type="hidden" name="csrf" value="a&amp;b">
        <input type="text" name="remember_label">
        <input type="text" name="username" autocomplete="username">
        <INPUT TYPE="password" NAME="pwd">
        <input type="submit" value="Log in">
      </form></html>`;
    expect(findLoginForm(page, '/admin/index.html')).toEqual({
      action: '/admin/cgi-bin/login.cgi?lang=en',
      method: 'POST',
      userField: 'username',
      passwordField: 'pwd',
      hidden: [['csrf', 'a&b']],
    });
  });

  it('takes the text input just before the password when no name says "user", and GET when no method is given', () => {
    expect(findLoginForm('<form><input name="x1"><input type=password name=p></form>', '/')).toMatchObject({
      action: '/',
      method: 'GET',
      userField: 'x1',
      passwordField: 'p',
    });
  });

  it('has no login form without a password input, without a user field, or posting to another host', () => {
    expect(findLoginForm('<form action="/login"><input name="user"></form>', '/')).toBeUndefined();
    expect(findLoginForm('<form><input type="password" name="pin"></form>', '/')).toBeUndefined();
    expect(
      findLoginForm(
        '<form action="http://elsewhere.example/login"><input name=u><input type=password name=p></form>',
        '/',
      ),
    ).toBeUndefined();
    expect(findLoginForm('<p>Welcome</p>', '/')).toBeUndefined();
  });

  it('fills the form: hidden fields first, URL-encoded', () => {
    const form = findLoginForm(
      '<form method="post" action="/login"><input type=hidden name=t value="1 2"><input name=user><input type=password name=pass></form>',
      '/',
    )!;
    expect(fillLoginForm(form, 'admin', 'p&ss')).toBe('t=1+2&user=admin&pass=p%26ss');
  });

  it('sees a password input left on a page', () => {
    expect(hasPasswordInput('<input class="x" type="password" name="p">')).toBe(true);
    expect(hasPasswordInput('<p>password: change it</p>')).toBe(false);
  });
});
