using Microsoft.Playwright;

namespace Samverka.Tests.Browser;

/// <summary>
/// A person with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to act, arrow keys in a list. Every
/// stop the focus makes on the way is checked for a visible focus indicator, and reaching the target is bounded, so
/// a control that cannot be reached by keyboard fails the journey.
/// </summary>
public sealed class KeyboardOnly(IPage page)
{
    private const int MaxStops = 250;

    /// <summary>Tabs (forwards, or backwards with Shift) until <paramref name="target"/> has the focus.</summary>
    public async Task FocusAsync(ILocator target, bool backwards = false)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var stop = 0; stop < MaxStops; stop++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            await AssertFocusVisibleAsync();
        }
        Assert.Fail($"The keyboard did not reach {target} in {MaxStops} presses of {(backwards ? "Shift+Tab" : "Tab")} on {page.Url}");
    }

    /// <summary>Moves to a text field and types into it, replacing what was there.</summary>
    public async Task TypeAsync(ILocator field, string text)
    {
        await FocusAsync(field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// A date field: its parts typed as digits. Their order is the browser's (year-month-day in a Swedish one,
    /// month/day/year in Chromium with only its English locale, as here), so both are tried, clearing between.
    /// </summary>
    public async Task DateAsync(ILocator field, string isoDate)
    {
        await FocusAsync(field);
        var parts = isoDate.Split('-');
        foreach (var yearFirst in new[] { false, true })
        {
            // To the first part, then empty each part: Backspace clears one, the arrow moves to the next.
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("ArrowLeft");
            }
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("Backspace");
                await page.Keyboard.PressAsync("ArrowRight");
            }
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("ArrowLeft");
            }
            if (yearFirst)
            {
                // The year part takes up to six digits, so the arrow moves on; month and day move on when full.
                await page.Keyboard.TypeAsync(parts[0]);
                await page.Keyboard.PressAsync("ArrowRight");
                await page.Keyboard.TypeAsync(parts[1] + parts[2]);
            }
            else
            {
                await page.Keyboard.TypeAsync(parts[1] + parts[2] + parts[0]);
            }
            if (await field.InputValueAsync() == isoDate)
            {
                return;
            }
        }
        Assert.Fail($"The keyboard could not enter {isoDate} in {field}: it reads \"{await field.InputValueAsync()}\"");
    }

    /// <summary>A list: the arrow keys step through its options until the one wanted is chosen.</summary>
    public async Task ChooseAsync(ILocator select, string optionText)
    {
        await FocusAsync(select);
        var count = await select.Locator("option").CountAsync();
        for (var i = 0; i <= 2 * count; i++)
        {
            var chosen = await select.EvaluateAsync<string>("s => s.options[s.selectedIndex]?.text ?? ''");
            if (chosen.StartsWith(optionText, StringComparison.Ordinal))
            {
                return;
            }
            await page.Keyboard.PressAsync(i < count ? "ArrowDown" : "ArrowUp");
        }
        Assert.Fail($"The arrow keys did not reach the option \"{optionText}\" in {select}");
    }

    /// <summary>Moves to a link or button and presses Enter.</summary>
    public async Task PressAsync(ILocator control)
    {
        await FocusAsync(control);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Moves to a checkbox and ticks it with Space.</summary>
    public async Task TickAsync(ILocator checkbox)
    {
        await FocusAsync(checkbox);
        if (!await checkbox.IsCheckedAsync())
        {
            await page.Keyboard.PressAsync("Space");
        }
        Assert.True(await checkbox.IsCheckedAsync());
    }

    /// <summary>Whatever has the focus shows it: an outline or a ring of at least two pixels.</summary>
    public async Task AssertFocusVisibleAsync()
    {
        var seen = await page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return 'ok';
              const s = getComputedStyle(e);
              const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
              const ring = s.boxShadow && s.boxShadow !== 'none';
              return outline || ring ? 'ok' : (e.outerHTML || '').slice(0, 160);
            }
            """);
        Assert.True(seen == "ok", $"The focus is not visible on {page.Url}: {seen}");
    }
}
