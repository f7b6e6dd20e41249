-- What convene.wxs needs but wixl 0.101 cannot express, applied by build-msi.sh with msibuild.
-- One statement per line; lines starting with -- are comments.

-- Policy values are written only when the administrator passes the property.
UPDATE `Component` SET `Condition` = 'SERVERURL' WHERE `Component` = 'PolicyServerUrl'
UPDATE `Component` SET `Condition` = 'BACKEND' WHERE `Component` = 'PolicyBackend'
UPDATE `Component` SET `Condition` = 'AUTOSTART' WHERE `Component` = 'PolicyAutostart'
UPDATE `Component` SET `Condition` = 'AUTOSTART = "1"' WHERE `Component` = 'AutostartRunEntry'

-- Public properties that may be passed to the elevated (per-machine) part of the install.
UPDATE `Property` SET `Value` = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;SERVERURL;BACKEND;AUTOSTART' WHERE `Property` = 'SecureCustomProperties'

-- Refuse values the policy layer would ignore.
INSERT INTO `LaunchCondition` (`Condition`, `Description`) VALUES ('Installed OR NOT AUTOSTART OR AUTOSTART = "0" OR AUTOSTART = "1"', 'AUTOSTART must be 0 or 1.')

-- The Start-menu shortcut's AppUserModelID: Windows shows the app's notifications only for it.
CREATE TABLE `MsiShortcutProperty` (`MsiShortcutProperty` CHAR(72) NOT NULL, `Shortcut_` CHAR(72) NOT NULL, `PropertyKey` CHAR(0) NOT NULL, `PropVariantValue` CHAR(0) NOT NULL PRIMARY KEY `MsiShortcutProperty`)
INSERT INTO `MsiShortcutProperty` (`MsiShortcutProperty`, `Shortcut_`, `PropertyKey`, `PropVariantValue`) VALUES ('StartMenuShortcutAumid', 'StartMenuShortcut', 'System.AppUserModel.ID', 'Convene.Desktop')
